namespace MqttKube.Bindings.Reload;

/// <summary>The config that runs and the last reload, for the status page.</summary>
/// <param name="Path">The config file.</param>
/// <param name="Generation">1 for the config the service started with, one more for each applied reload.</param>
/// <param name="LastOutcome">The last reload's outcome; null before the first.</param>
/// <param name="LastAt">When the last reload ended.</param>
/// <param name="LastTrigger">What caused it: <c>SIGHUP</c> or <c>file changed</c>.</param>
/// <param name="LastSummary">What it did (<c>1 added, 1 removed</c>) or why nothing.</param>
/// <param name="LastErrors">The errors of an invalid config (<c>FILE:LINE:COL: error: ...</c>).</param>
internal sealed record ReloadStatus(
    string Path,
    int Generation,
    ReloadOutcome? LastOutcome,
    DateTimeOffset? LastAt,
    string? LastTrigger,
    string? LastSummary,
    IReadOnlyList<string> LastErrors);
