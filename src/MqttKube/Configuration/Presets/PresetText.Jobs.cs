namespace MqttKube.Configuration.Presets;

internal static partial class PresetText
{
    /// <summary>
    /// CronJob: run (a Job from spec.jobTemplate, as <c>kubectl create job --from=cronjob/…</c>), suspend, the last
    /// schedule time, and the result of the newest Job it owns (<c>owned: Job</c>, scheduled and <c>run</c> Jobs
    /// alike): Succeeded (condition Complete or SuccessCriteriaMet, or pods succeeded and none active), Failed
    /// (condition Failed or FailureTarget: the back-off limit or deadline reached), else Running; nothing without a Job.
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
            owned: Job
            topic: B/last-result
            retain: true
            values:
              map:
                ~: ~
                "lambda v: any(c.get('type') in ('Complete', 'SuccessCriteriaMet') and c.get('status') == 'True' for c in v.get('conditions') or [])": Succeeded
                "lambda v: any(c.get('type') in ('Failed', 'FailureTarget') and c.get('status') == 'True' for c in v.get('conditions') or [])": Failed
                "lambda v: v.get('active', 0) > 0": Running
                "lambda v: v.get('succeeded', 0) > 0": Succeeded
                "lambda v: True": Running
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
