using System.Text;
using Microsoft.Extensions.Logging;
using MqttKube.Bindings.Plan;
using MqttKube.Mqtt;

namespace MqttKube.Bindings;

/// <summary>
/// MQTT → Kubernetes (patch and action): messages on the topic are queued and handled one at a time, in order, off
/// the MQTT receive loop. Binary payloads are refused with a warning.
/// </summary>
internal abstract partial class InboundAssociation
{
    public const int QueueCapacity = 10_000;

    private readonly SerialQueue<string> queue;

    protected InboundAssociation(BindingInstance binding, string kind, string topic, string? locus, BindingServices services)
    {
        Binding = binding;
        Services = services;
        Logger = services.Logs.CreateLogger(kind);
        State = new AssociationState(kind, topic, locus);
        queue = new SerialQueue<string>(QueueCapacity, HandleSafelyAsync);
    }

    public AssociationState State { get; }

    public Task? Runner => queue.Runner;

    protected BindingInstance Binding { get; }

    protected PlannedBinding Plan => Binding.Plan;

    protected BindingServices Services { get; }

    protected ILogger Logger { get; }

    public void Start(CancellationToken cancellationToken) => queue.Start(cancellationToken);

    public Task CompleteAsync() => queue.CompleteAsync();

    /// <summary>The MQTT handler: validates and queues; never blocks the receive loop.</summary>
    public Task OnMessageAsync(MqttMessage message, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = Strict.GetString(message.Payload.Span);
        }
        catch (DecoderFallbackException)
        {
            LogBinary(Logger, message.Topic, message.Payload.Length);
            return Task.CompletedTask;
        }

        LogReceived(Logger, message.Topic, text);
        if (!queue.TryEnqueue(text))
        {
            LogQueueFull(Logger, message.Topic, QueueCapacity);
        }

        return Task.CompletedTask;
    }

    protected abstract Task HandleAsync(string payload, CancellationToken cancellationToken);

    /// <summary>The binding's resolved kind; false (logged) while the binding cannot start.</summary>
    protected bool IsReady([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Kubernetes.ResourceType? type)
    {
        type = Binding.Type;
        if (type is null)
        {
            LogNotReady(Logger, Plan.Target, Binding.Waiting ?? "starting");
        }

        return type is not null;
    }

    /// <summary>Counts a failure that escaped <see cref="HandleAsync"/> (an API error, a timeout).</summary>
    protected abstract void CountFailure();

    /// <summary>Attempts of one message when the API answers 429, 5xx or not at all.</summary>
    public const int TransientAttempts = 3;

    private async Task HandleSafelyAsync(string payload, CancellationToken cancellationToken)
    {
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await HandleAsync(payload, cancellationToken).ConfigureAwait(false);
                    return;
                }
                catch (Kubernetes.KubeApiException ex) when (attempt < TransientAttempts && IsTransient(ex) && !cancellationToken.IsCancellationRequested)
                {
                    var delay = TimeSpan.FromMilliseconds(250 * (1 << attempt));
                    LogRetry(Logger, Plan.Target, ex.Message, delay.TotalSeconds);
                    await Task.Delay(delay, Services.Time, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            CountFailure();
            State.Error(ex.Message);
            LogFailed(Logger, Plan.Target, State.Topic, ex.Message);
        }
    }

    private static bool IsTransient(Kubernetes.KubeApiException ex) => ex.Code is 0 or 429 or >= 500;

    private static readonly UTF8Encoding Strict = new(false, throwOnInvalidBytes: true);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "received '{Payload}' on {Topic}")]
    private static partial void LogReceived(ILogger logger, string topic, string payload);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "ignored a binary payload ({Length} bytes, not UTF-8 text) on {Topic}")]
    private static partial void LogBinary(ILogger logger, string topic, int length);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "dropped a message on {Topic}: {Capacity} messages are already waiting")]
    private static partial void LogQueueFull(ILogger logger, string topic, int capacity);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "{Target}: the API failed ({Reason}); retrying in {Seconds:0.##} s")]
    private static partial void LogRetry(ILogger logger, string target, string reason, double seconds);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "{Target} is not ready ({Reason}); the message is dropped")]
    private static partial void LogNotReady(ILogger logger, string target, string reason);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Error, Message = "{Target}: handling a message on {Topic} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string target, string topic, string reason);
}
