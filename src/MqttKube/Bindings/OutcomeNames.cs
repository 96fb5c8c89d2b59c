namespace MqttKube.Bindings;

/// <summary>The one table of how outcomes and verbs are named in logs, the status page and the metrics' labels.</summary>
internal static class OutcomeNames
{
    public static string Of(PatchOutcome outcome) => outcome switch
    {
        PatchOutcome.Patched => "patched",
        PatchOutcome.Unchanged => "unchanged",
        PatchOutcome.NotFound => "not_found",
        PatchOutcome.Miss => "miss",
        _ => "error",
    };

    public static string Of(ActionVerb verb) => verb switch
    {
        ActionVerb.Launch => "launch",
        ActionVerb.Delete => "delete",
        ActionVerb.Restart => "restart",
        ActionVerb.Run => "run",
        _ => "other",
    };

    public static string Of(ActionOutcome outcome) => outcome switch
    {
        ActionOutcome.Ok => "ok",
        ActionOutcome.Skipped => "skipped",
        ActionOutcome.Miss => "miss",
        _ => "error",
    };

    public static string Of(ReloadOutcome outcome) => outcome switch
    {
        ReloadOutcome.Applied => "applied",
        ReloadOutcome.Unchanged => "unchanged",
        _ => "invalid",
    };
}
