namespace MqttKube.Bindings;

/// <summary>What an action does (the <c>action</c> label of <c>mqtt_kube_actions_total</c>).</summary>
internal enum ActionVerb
{
    /// <summary><c>launch</c> (alias <c>create</c>): create the object rendered from the template.</summary>
    Launch,

    /// <summary><c>delete</c>: the binding's object and every object the action launched.</summary>
    Delete,

    /// <summary><c>restart</c>: what <c>kubectl rollout restart</c> does.</summary>
    Restart,

    /// <summary><c>run</c>: a CronJob's Job now (as <c>kubectl create job --from=cronjob/…</c>), or a Job again from its own spec.</summary>
    Run,

    /// <summary>No action could be told (a miss of the map, a value that names no action).</summary>
    Other,
}
