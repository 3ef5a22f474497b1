import { objectRef, str, strictObject, strList, topLevel } from './common.js';

export const restorePointSchema = topLevel(
  'RestorePoint',
  strictObject(
    {
      app: strictObject({ kind: str(), name: str(), namespace: str() }, ['kind', 'name', 'namespace']),
      policy: objectRef,
      time: str({ format: 'date-time' }),
      consistency: str({ enum: ['crash', 'application'] }),
      retentionTags: strList,
      retainUntil: str({ format: 'date-time' }),
      snapshotId: str(),
      profile: objectRef,
    },
    ['app', 'policy', 'time'],
  ),
  strictObject(
    {
      state: str({ enum: ['Pending', 'Running', 'Complete', 'Partial', 'Failed'] }),
      items: {
        type: 'array',
        items: strictObject(
          { kind: str(), name: str(), namespace: str(), outcome: str({ enum: ['Succeeded', 'Failed', 'Skipped'] }), message: str() },
          ['kind', 'name', 'outcome'],
        ),
      },
      message: str(),
    },
    ['state'],
  ),
);
