namespace MqttKube.Mqtt;

/// <summary>How the client authenticates to the broker.</summary>
internal enum MqttAuthKind
{
    /// <summary>Anonymous.</summary>
    None,

    /// <summary>Username and password.</summary>
    Basic,

    /// <summary>TLS client certificate (implies TLS).</summary>
    Mtls,
}
