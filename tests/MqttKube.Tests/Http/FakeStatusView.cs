using MqttKube.Http;

namespace MqttKube.Tests.Http;

/// <summary>A settable <see cref="IStatusView"/>; reading <see cref="Bindings"/> can be made to block or throw.</summary>
internal sealed class FakeStatusView : IStatusView
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private volatile IReadOnlyList<BindingStatus> bindings = [];

    public DateTimeOffset StartedAt { get; set; } = Start;

    public string Version { get; set; } = "1.2.3";

    public MqttStatus Mqtt { get; set; } = new(true, "broker.local:1883", "mqtt-kube", Start, null);

    public IReadOnlyList<LoopStatus> Loops { get; set; } = [new("mqtt", true, null), new("watch pods", true, null)];

    public KubeStatus Kubernetes { get; set; } = KubeStatus.None;

    public MqttKube.Bindings.Reload.ReloadStatus? Config { get; set; }

    /// <summary>When set, every read of <see cref="Bindings"/> signals <see cref="Entered"/> and waits on this gate.</summary>
    public SemaphoreSlim? Gate { get; set; }

    /// <summary>Released once per read of <see cref="Bindings"/> that is about to wait on <see cref="Gate"/>.</summary>
    public SemaphoreSlim Entered { get; } = new(0);

    /// <summary>When set, reading <see cref="Bindings"/> throws it.</summary>
    public Exception? Failure { get; set; }

    public IReadOnlyList<BindingStatus> Bindings
    {
        get
        {
            if (Gate is { } gate)
            {
                Entered.Release();
                gate.Wait();
            }

            if (Failure is { } failure)
            {
                throw failure;
            }

            return bindings;
        }

        set => bindings = value;
    }

    /// <summary>A healthy, ready view with one binding holding a watch and a patch.</summary>
    public static FakeStatusView AllWell() => new()
    {
        Bindings =
        [
            new BindingStatus("bindings[0]", "deployments", "media", "jellyfin", BindingStatus.Running,
            [
                new AssociationStatus(AssociationStatus.Watch, "jellyfin/power/state", "$.spec.replicas", true, "ON",
                    Start.AddSeconds(30), null),
                new AssociationStatus(AssociationStatus.Patch, "jellyfin/power/set", "$.spec.replicas", true, "OFF",
                    Start.AddSeconds(40), null),
            ]),
        ],
    };
}
