using System.Text.Json;
using Microsoft.Extensions.Logging;
using MqttKube.Configuration;
using MqttKube.Hosting.Logging;
using MqttKube.Tests.Support;

namespace MqttKube.Tests.Hosting;

public sealed partial class LogLineTests
{
    public static TheoryData<string> HostilePayloads() => new(
        "ON\n2026-01-01T12:00:00.000 ERROR [patch] forged",
        "ON\r\nforged",
        "ON\rforged",
        "\u001b[2J\u001b[31mred\u001b[0m",
        "bell\u0007 backspace\u0008 nul\u0000 del\u007f",
        "c1\u0085next-line \u009b31m",
        "ls\u2028ps\u2029",
        "bidi \u202eevil\u202c \u2066iso\u2069 \u200f",
        "lone \ud800 surrogate \udfff",
        "tab\there");

    [Theory]
    [MemberData(nameof(HostilePayloads))]
    public void No_payload_can_start_a_second_line_or_reach_the_terminal(string payload)
    {
        foreach (var format in new[] { LogFormat.Text, LogFormat.Json })
        {
            var output = LogOnce(format, payload);

            Assert.EndsWith("\n", output, StringComparison.Ordinal);
            var line = output[..^1];
            Assert.DoesNotContain(line, c => c < ' ' || c is >= '\u007f' and <= '\u009f' or '\u2028' or '\u2029' or '\u202e' or '\u2066' || char.IsSurrogate(c));
            if (format == LogFormat.Json)
            {
                Assert.Equal($"received '{LogText.Escape(payload)}' on a/b", JsonDocument.Parse(line).RootElement.GetProperty("Message").GetString());
            }
        }
    }

    [Fact]
    public void Escapes_are_readable_and_the_same_in_both_formats()
    {
        Assert.Equal("a\\nb\\r\\tc\\u001b[31m\\u007f\\u0085\\u2028\\u202e", LogText.Escape("a\nb\r\tc\u001b[31m\u007f\u0085\u2028\u202e"));
        Assert.Equal("ok ünïcödé 😀 \\ backslash", LogText.Escape("ok ünïcödé 😀 \\ backslash"));

        var text = LogOnce(LogFormat.Text, "x\u001by");
        var json = LogOnce(LogFormat.Json, "x\u001by");
        Assert.EndsWith("[tester] received 'x\\u001by' on a/b\n", text, StringComparison.Ordinal);
        Assert.Equal("received 'x\\u001by' on a/b", JsonDocument.Parse(json).RootElement.GetProperty("Message").GetString());
    }

    [Fact]
    public void A_long_payload_is_cut_and_marked_with_its_length()
    {
        var payload = new string('A', 100_000) + "\nforged";

        var line = LogOnce(LogFormat.Text, payload);

        Assert.Contains($"'{new string('A', LogText.MaxValueLength)}…[100007 characters]' on a/b", line, StringComparison.Ordinal);
        Assert.True(line.Length < 2 * LogText.MaxValueLength, $"{line.Length} characters");
        Assert.Single(line.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Cutting_never_splits_a_surrogate_pair()
    {
        var text = new string('a', LogText.MaxValueLength - 1) + "😀tail";

        Assert.Equal(new string('a', LogText.MaxValueLength - 1) + $"…[{text.Length} characters]", LogText.Cap(text));
    }

    [Fact]
    public void Only_the_long_argument_is_cut_and_formats_still_apply()
    {
        var output = new StringWriter();
        using var logs = TestLogs.Factory(output);
        LogRetry(logs.CreateLogger("tester"), new string('r', 5000), 1.23456);

        Assert.EndsWith($"the API failed ({new string('r', LogText.MaxValueLength)}…[5000 characters]); retrying in 1.23 s\n", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_exception_message_is_escaped_and_cut()
    {
        var output = new StringWriter();
        using var logs = TestLogs.Factory(output);
        LogFailed(logs.CreateLogger("tester"), new InvalidOperationException("bad\nline" + new string('x', 3000)));

        var text = output.ToString();
        Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("(bad\\nline", text, StringComparison.Ordinal);
        Assert.Contains("…[3008 characters])", text, StringComparison.Ordinal);
    }

    private static string LogOnce(LogFormat format, string payload)
    {
        var output = new StringWriter();
        using var logs = TestLogs.Factory(output, format);
        LogReceived(logs.CreateLogger("tester"), payload, "a/b");
        return output.ToString();
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "received '{Payload}' on {Topic}")]
    private static partial void LogReceived(ILogger logger, string payload, string topic);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "the API failed ({Reason}); retrying in {Seconds:0.##} s")]
    private static partial void LogRetry(ILogger logger, string reason, double seconds);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
