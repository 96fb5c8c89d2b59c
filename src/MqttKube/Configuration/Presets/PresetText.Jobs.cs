namespace MqttKube.Configuration.Presets;

internal static partial class PresetText
{
    /// <summary>
    /// CronJob: run (a Job from spec.jobTemplate, as <c>kubectl create job --from=cronjob/…</c>), suspend, the last
    /// schedule time, and the result of the last run from the CronJob's status (a scheduled Job active: Running; else
    /// the newest success of any Job it owns at or after the last schedule: Succeeded; else Failed). Not the newest
    /// Job's own outcome: the status lists only the Jobs the controller started as active and records successes only,
    /// so a <c>run</c> Job shows neither as Running nor as Failed; the Jobs themselves would need a list+watch of every
    /// Job in the namespace per binding (a Job names its CronJob only in its owner references).
    /// </summary>
    public const string CronJob = """
        watch:
          - locus: $.spec.suspend
            topic: B/suspend
            retain: true
            values:
              map:
                true: "ON"
                "lambda v: True": "OFF"
            homeassistant: {component: switch, name: suspend}
          - locus: $.status.lastScheduleTime
            topic: B/last-schedule
            retain: true
            homeassistant: {component: sensor, name: last-schedule, device_class: timestamp}
          - locus: $.status
            topic: B/last-result
            retain: true
            values:
              map:
                ~: ~
                "lambda v: len(v.get('active') or []) > 0": Running
                "lambda v: 'lastSuccessfulTime' in v and v.get('lastSuccessfulTime') >= v.get('lastScheduleTime', '')": Succeeded
                "lambda v: 'lastScheduleTime' in v": Failed
                "lambda v: True": ~
            homeassistant: {component: sensor, name: last-result}
        patch:
          - topic: B/suspend/set
            locus: $.spec.suspend
            values:
              map:
                "ON": true
                "OFF": false
            homeassistant: {component: switch, name: suspend}
        action:
          - topic: B/run/set
            values:
              map:
                PRESS: run
            homeassistant: {component: button, name: run}
        """;

    /// <summary>Job: run (the Job again from its own spec, replacing it), status.</summary>
    public const string Job = """
        watch:
          - locus: $.status
            topic: B/status
            retain: true
            values:
              map:
                ~: ~
                "lambda v: any(c.get('type') == 'Complete' and c.get('status') == 'True' for c in v.get('conditions') or [])": Succeeded
                "lambda v: any(c.get('type') == 'Failed' and c.get('status') == 'True' for c in v.get('conditions') or [])": Failed
                "lambda v: v.get('active', 0) > 0": Running
                "lambda v: True": Pending
            homeassistant: {component: sensor, name: status}
        action:
          - topic: B/run/set
            on-exists: replace
            values:
              map:
                PRESS: run
            homeassistant: {component: button, name: run}
        """;
}
