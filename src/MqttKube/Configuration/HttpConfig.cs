using MqttKube.Configuration.Schema;

namespace MqttKube.Configuration;

[ConfigObject("The web server: /api/health, /healthz, /readyz, /metrics and the status page.")]
internal sealed partial record HttpConfig
{
    [ConfigKey("Interface to listen on.", Aliases = ["host"])]
    public string Bind { get; init; } = "0.0.0.0";

    [ConfigKey("Port to listen on.", Minimum = 1, Maximum = 65535)]
    public int Port { get; init; } = 8080;

    [ConfigKey("Limit of concurrent connections.", Minimum = 1, Maximum = 100000)]
    public int MaxConnections { get; init; } = 100;
}
