namespace MqttKube.Hosting.Logging;

/// <summary>
/// What a logged exception becomes before any formatter sees it: its base exception's message, escaped and cut, and
/// nothing else (users never see stack traces, whichever formatter writes the line).
/// </summary>
internal sealed class LoggedError(string message) : Exception(message)
{
    public override string ToString() => Message;
}
