namespace MqttKube.Configuration.Presets;

internal static partial class PresetText
{
    /// <summary>Deployment, StatefulSet, ReplicaSet: power (OFF scales to 0, ON restores the count), replicas, restart, status.</summary>
    public const string Appliance = """
        watch:
          - locus: $.spec.replicas
            topic: B/power
            retain: true
            values:
              map:
                ~: ~
                0: "OFF"
                "lambda v: True": "ON"
            homeassistant: {component: switch, name: power}
          - locus: $.spec.replicas
            topic: B/replicas
            retain: true
            homeassistant: {component: number, name: replicas, min: 0, max: 100, mode: box}
          - locus: $
            topic: B/status
            retain: true
            values:
              map:
                ~: ~
                "lambda v: (v.get('spec') or {}).get('replicas', 1) == 0": Scaled down
                "lambda v: any((c.get('type') == 'ReplicaFailure' and c.get('status') == 'True') or (c.get('type') == 'Progressing' and c.get('status') == 'False') for c in (v.get('status') or {}).get('conditions') or [])": Degraded
                "lambda v: (v.get('status') or {}).get('observedGeneration', 0) < (v.get('metadata') or {}).get('generation', 0) or (v.get('status') or {}).get('availableReplicas', 0) < (v.get('spec') or {}).get('replicas', 1)": Progressing
                "lambda v: True": Running
            homeassistant: {component: sensor, name: status}
        patch:
          - topic: B/power/set
            locus: $.spec.replicas
            restore: true
            values:
              map:
                "ON": 1
                "OFF": 0
            homeassistant: {component: switch, name: power}
          - topic: B/replicas/set
            locus: $.spec.replicas
            values:
              transform: int
            homeassistant: {component: number, name: replicas}
        action:
          - topic: B/restart/set
            values:
              map:
                PRESS: restart
            homeassistant: {component: button, name: restart, device_class: restart}
        """;

    /// <summary>DaemonSet: restart, status as ready/desired.</summary>
    public const string Daemon = """
        watch:
          - locus: $.status
            topic: B/status
            retain: true
            values:
              transform: "lambda v: str((v or {}).get('numberReady', 0)) + '/' + str((v or {}).get('desiredNumberScheduled', 0))"
            homeassistant: {component: sensor, name: status}
        action:
          - topic: B/restart/set
            values:
              map:
                PRESS: restart
            homeassistant: {component: button, name: restart, device_class: restart}
        """;

    /// <summary>Node: schedulable (OFF cordons: spec.unschedulable true), ready.</summary>
    public const string Node = """
        watch:
          - locus: $.spec.unschedulable
            topic: B/schedulable
            retain: true
            values:
              map:
                true: "OFF"
                "lambda v: True": "ON"
            homeassistant: {component: switch, name: schedulable}
          - locus: "$.status.conditions[?@.type == 'Ready'].status"
            topic: B/ready
            retain: true
            values:
              map:
                "True": "ON"
                "lambda v: True": "OFF"
            homeassistant: {component: binary_sensor, name: ready, device_class: connectivity}
        patch:
          - topic: B/schedulable/set
            locus: $.spec.unschedulable
            values:
              map:
                "ON": ~
                "OFF": true
            homeassistant: {component: switch, name: schedulable}
        """;
}
