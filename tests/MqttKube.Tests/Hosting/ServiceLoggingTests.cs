using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using MqttKube.Configuration;
using MqttKube.Hosting.Logging;
using MqttKube.Tests.Support;

namespace MqttKube.Tests.Hosting;

/// <summary>The three ways the service writes a line: the text line, the built-in JSON formatter, the systemd one.</summary>
public sealed partial class ServiceLoggingTests
{
    [Fact]
    public void The_text_line_is_time_level_component_message()
    {
        var output = new StringWriter();
        using (var logs = TestLogs.Factory(output))
        {
            LogConnected(logs.CreateLogger("MqttKube.Mqtt.MqttConnection"), "broker:1883");
        }

        Assert.Matches(TextLine(), output.ToString());
        Assert.EndsWith(" INFO [mqtt] connected to broker:1883\n", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_line_is_the_built_in_formatters_object_with_every_value_escaped_and_cut()
    {
        var output = new StringWriter();
        using (var logs = TestLogs.Factory(output, LogFormat.Json))
        {
            LogRejected(logs.CreateLogger("MqttKube.Bindings.BindingRuntime"), "a/b", "x\u001by" + new string('p', 5000), Thrown());
        }

        var line = output.ToString();
        Assert.EndsWith("\n", line, StringComparison.Ordinal);
        Assert.Single(line.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var json = JsonDocument.Parse(line).RootElement;
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", json.GetProperty("Timestamp").GetString());
        Assert.Equal("Warning", json.GetProperty("LogLevel").GetString());
        Assert.Equal("bindingRuntime", json.GetProperty("Category").GetString());
        Assert.Equal(42, json.GetProperty("EventId").GetInt32());
        var cut = $"x\\u001by{new string('p', LogText.MaxValueLength - 3)}…[5003 characters]";
        Assert.Equal($"refused '{cut}' on a/b (the API said\\nno)", json.GetProperty("Message").GetString());
        Assert.Equal(cut, json.GetProperty("State").GetProperty("Payload").GetString());
        Assert.Equal("the API said\\nno", json.GetProperty("State").GetProperty("Error").GetString());
    }

    [Fact]
    public void No_format_shows_a_stack_trace()
    {
        foreach (var format in new[] { LogFormat.Text, LogFormat.Json })
        {
            foreach (var underSystemd in new[] { false, true })
            {
                var output = new StringWriter();
                using (var logs = TestLogs.Factory(output, format, underSystemd))
                {
                    LogRejected(logs.CreateLogger("tester"), "a/b", "ON", Thrown());
                }

                Assert.Contains("(the API said", output.ToString(), StringComparison.Ordinal);
                Support.Cli.AssertNoStackTrace(output.ToString());
            }
        }
    }

    [Fact]
    public void Under_systemd_a_text_line_carries_the_journal_priority_and_no_time()
    {
        Assert.Equal("systemd", ServiceLogging.FormatterFor(new LoggingConfig(), underSystemd: true));
        Assert.Equal("json", ServiceLogging.FormatterFor(new LoggingConfig { Format = LogFormat.Json }, underSystemd: true));

        var output = new StringWriter();
        using (var logs = TestLogs.Factory(output, underSystemd: true))
        {
            LogConnected(logs.CreateLogger("MqttKube.Mqtt.MqttConnection"), "broker\n1883");
        }

        Assert.Equal("<6>mqtt[41] connected to broker\\n1883\n", output.ToString());
    }

    private static InvalidOperationException Thrown()
    {
        try
        {
            throw new InvalidOperationException("the API said\nno");
        }
        catch (InvalidOperationException e)
        {
            return e;
        }
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3} INFO \[mqtt\] connected to broker:1883\n$")]
    private static partial Regex TextLine();

    [LoggerMessage(EventId = 41, Level = LogLevel.Information, Message = "connected to {Broker}")]
    private static partial void LogConnected(ILogger logger, string broker);

    [LoggerMessage(EventId = 42, Level = LogLevel.Warning, Message = "refused '{Payload}' on {Topic}")]
    private static partial void LogRejected(ILogger logger, string topic, string payload, Exception exception);
}
