namespace MqttKube.Http;

/// <summary>The <c>action</c> label of <c>mqtt_kube_actions_total</c>.</summary>
internal enum MetricAction
{
    /// <summary><c>launch</c> (alias create).</summary>
    Launch,

    /// <summary><c>delete</c>.</summary>
    Delete,

    /// <summary><c>restart</c>.</summary>
    Restart,

    /// <summary><c>other</c>: no action could be told (for example a payload the value map did not match).</summary>
    Other,
}
