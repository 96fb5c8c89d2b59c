using System.Text;
using MqttKube.Bindings.Ports;

namespace MqttKube.Bindings.Outbound;

internal sealed partial class StateTable
{
    /// <summary>Under the lock: queue a state that needs publishing (connected only: a reconnection queues them all).</summary>
    private void EnqueueLocked(TopicState state)
    {
        if (!state.Queued && !state.InFlight && state.NeedsPublish && services.Mqtt.IsConnected)
        {
            state.Queued = true;
            pending.Enqueue(state);
            activity.Begin();
        }
    }

    /// <summary>Under the lock: start publishing queued states, up to the in-flight limit.</summary>
    private void StartLocked()
    {
        while (inFlight < services.PublishesInFlight && pending.TryDequeue(out var state))
        {
            state.Queued = false;
            if (!state.NeedsPublish || !services.Mqtt.IsConnected)
            {
                activity.End();
                continue;
            }

            state.InFlight = true;
            inFlight++;
            _ = PublishAsync(state, state.Current, state.Since); // its activity unit ends in PublishAsync
        }
    }

    private async Task PublishAsync(TopicState state, string payload, long since)
    {
        PublishResult result;
        string? failure = null;
        try
        {
            result = await services.Mqtt.PublishAsync(state.Topic, Encoding.UTF8.GetBytes(payload), state.Qos, state.Retain, CancellationToken.None).ConfigureAwait(false);
            failure = result == PublishResult.Rejected ? "refused (too large, or by the broker)" : null;
        }
        catch (Exception ex)
        {
            result = PublishResult.Rejected;
            failure = ex.Message;
        }

        lock (gate)
        {
            state.InFlight = false;
            inFlight--;
            if (result != PublishResult.Offline)
            {
                state.Published = payload; // a refused payload is not tried again until it changes
            }

            if (state.Releasing && !state.NeedsPublish)
            {
                Forget(state);
            }
            else
            {
                EnqueueLocked(state); // a newer payload arrived meanwhile
            }

            StartLocked();
        }

        if (result == PublishResult.Sent)
        {
            services.Metrics.Published(services.Time.GetElapsedTime(since));
            LogPublished(logger, state.Topic, payload, "sent");
        }
        else if (failure is not null)
        {
            state.Owner.Error(failure);
            LogPublishFailed(logger, state.Topic, failure);
        }

        activity.End();
    }
}
