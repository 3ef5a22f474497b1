import { goDuration, objectRef, str, strictObject, topLevel } from './common.js';

const s3 = strictObject(
  { endpoint: str(), bucket: str({ minLength: 3, maxLength: 63 }), prefix: str(), region: str(), credentialsSecret: objectRef },
  ['bucket', 'credentialsSecret'],
);

export const locationProfileSchema = topLevel(
  'LocationProfile',
  strictObject(
    {
      location: {
        ...strictObject({ filesystem: strictObject({ path: str({ minLength: 1 }) }, ['path']), s3 }),
        // Exactly one backend (K10 locationSpec has one type per profile).
        oneOf: [{ required: ['filesystem'] }, { required: ['s3'] }],
      },
      protectionPeriod: goDuration,
      // S3 Object Lock modes, https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html
      lockMode: str({ enum: ['COMPLIANCE', 'GOVERNANCE'] }),
      maintenanceInterval: goDuration,
    },
    ['location'],
  ),
  strictObject({
    immutability: str({ enum: ['enforced', 'tamper-evident', 'none'] }),
    detail: str(),
    lastProbeTime: str({ format: 'date-time' }),
  }),
);
