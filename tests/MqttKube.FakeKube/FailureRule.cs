namespace MqttKube.FakeKube;

/// <summary>An injected failure: requests matching <see cref="Predicate"/> get <see cref="Code"/>, <see cref="Remaining"/> times.</summary>
internal sealed class FailureRule(Func<RecordedRequest, bool> predicate, int code, int count)
{
    public Func<RecordedRequest, bool> Predicate { get; } = predicate;

    public int Code { get; } = code;

    public int Remaining { get; set; } = count;
}
