using System.Text;
using Microsoft.Extensions.Logging;
using MqttKube.Bindings.Ports;

namespace MqttKube.Bindings.Inbound;

/// <summary>
/// Where the messages of one patch or action of a binding enter: decoded as UTF-8 text (a binary payload is refused
/// with a warning) and queued on that association of the bound object. Runs on the MQTT receive path: never blocks.
/// </summary>
internal sealed partial class InboundRoute(Binding binding, int index) : IInboundHandler
{
    private static readonly UTF8Encoding Strict = new(false, throwOnInvalidBytes: true);

    private readonly ILogger logger = binding.Services.Logs.CreateLogger("inbound");

    /// <summary>The topic filter, relative to the prefix.</summary>
    public string Topic => binding.Object.Inbound[index].State.Topic;

    public void Post(InboundMessage message)
    {
        string payload;
        try
        {
            payload = Strict.GetString(message.Payload.Span);
        }
        catch (DecoderFallbackException)
        {
            LogBinary(logger, message.Topic, message.Payload.Length);
            return;
        }

        LogReceived(logger, payload, message.Topic);
        binding.Object.Inbound[index].Post(payload);
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "received '{Payload}' on {Topic}")]
    private static partial void LogReceived(ILogger logger, string payload, string topic);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "ignored a binary payload ({Length} bytes, not UTF-8 text) on {Topic}")]
    private static partial void LogBinary(ILogger logger, string topic, int length);
}
