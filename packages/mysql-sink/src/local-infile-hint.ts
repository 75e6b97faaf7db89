/** How to turn the fast path on, for every message about local_infile. */
export const LOCAL_INFILE_HINT =
  'enable it with SET GLOBAL local_infile = 1 (or local_infile = ON under [mysqld] in the server config)';
