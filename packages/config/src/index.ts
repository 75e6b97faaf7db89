export {
  ADMISSION_SOURCES,
  type AdmissionSource,
  AGE_GROUPS,
  type AgeGroup,
  ED_DISPOSITIONS,
  ED_SUBSERVICES,
  type EdDisposition,
  type EdSubservice,
  GENDERS,
  type Gender,
} from './domains.js';
