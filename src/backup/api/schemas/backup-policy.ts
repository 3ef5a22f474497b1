import { goDuration, int, intList, labelSelector, objectRef, retention, str, strictObject, strList, topLevel } from './common.js';
import type { JsonSchema } from './common.js';

const timeOfDay = strictObject({ hour: int(0, 23), minute: int(0, 59) }, ['hour']);
const hookRefs: JsonSchema = { type: 'array', items: objectRef };

const action: JsonSchema = {
  type: 'object',
  properties: {
    action: str({ enum: ['backup', 'export'] }),
    exportParameters: strictObject({ profile: objectRef, frequency: str() }, ['profile']),
    retention,
  },
  required: ['action'],
  additionalProperties: false,
  // An export needs a profile; a backup takes no export parameters.
  if: { properties: { action: { const: 'export' } } },
  then: { required: ['exportParameters'] },
  else: { not: { required: ['exportParameters'] } },
};

export const backupPolicySchema: JsonSchema = topLevel(
  'BackupPolicy',
  strictObject(
    {
      comment: str(),
      // A named frequency or a cron expression; the semantic check parses the cron fields.
      frequency: str({ minLength: 1 }),
      subFrequency: strictObject({
        minutes: intList(0, 59),
        hours: intList(0, 23),
        weekdays: intList(0, 6),
        days: intList(1, 31),
        months: intList(1, 12),
      }),
      timezone: str(),
      rpo: goDuration,
      retention,
      selector: strictObject({
        ...((labelSelector.properties ?? {}) as Record<string, JsonSchema>),
        namespaces: strList,
        namespaceSelector: labelSelector,
      }),
      actions: { type: 'array', minItems: 1, items: action },
      paused: { type: 'boolean' },
      volumeSnapshotClassName: str({ minLength: 1 }),
      backupWindow: strictObject({ start: timeOfDay, end: timeOfDay }, ['start', 'end']),
      hooks: strictObject({ preBackup: hookRefs, postBackup: hookRefs, onFailure: hookRefs }),
    },
    ['frequency', 'retention', 'selector', 'actions'],
  ),
  strictObject({ lastRunTime: str({ format: 'date-time' }), conditions: { type: 'array', items: { type: 'object' } } }),
);
