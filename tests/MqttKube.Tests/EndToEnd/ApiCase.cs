using MqttKube.Tests.Support.RealKube;

namespace MqttKube.Tests.EndToEnd;

/// <summary>
/// One request and the answer the real kube-apiserver gives it: status code, Status reason (null: none) and message
/// (exact; "…" at its start or end matches a suffix or a prefix). <c>NS</c> in the path stands for the test's namespace.
/// </summary>
internal sealed record ApiCase(string Name, string Method, string Path, string? Body, int Code, string? Reason, string? Message, string ContentType = "application/json")
{
    /// <summary>A further check of the answer: a problem, or null.</summary>
    public Func<KubeResponse, string?>? Check { get; init; }

    /// <summary>What differs between <paramref name="response"/> and this case, or null.</summary>
    public string? Mismatch(KubeResponse response)
    {
        var problems = new List<string>();
        if (response.Code != Code)
        {
            problems.Add($"code {response.Code}, not {Code}");
        }

        if (response.Reason != Reason && Code >= 400)
        {
            problems.Add($"reason {response.Reason ?? "(none)"}, not {Reason ?? "(none)"}");
        }

        if (Message is not null && !Matches(response.Message ?? ""))
        {
            problems.Add($"message \"{response.Message}\", not \"{Message}\"");
        }

        if (Check?.Invoke(response) is { } problem)
        {
            problems.Add(problem);
        }

        return problems.Count == 0 ? null : $"{Name}: {string.Join("; ", problems)}";
    }

    public override string ToString() => Name;

    private bool Matches(string message) =>
        Message!.StartsWith('…') ? message.EndsWith(Message[1..], StringComparison.Ordinal)
        : Message.EndsWith('…') ? message.StartsWith(Message[..^1], StringComparison.Ordinal)
        : message == Message;
}
