using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MqttKube.Tests.Http;

/// <summary>A strict reader of the Prometheus text format 0.0.4, independent of the product's writer.</summary>
internal static partial class PrometheusParser
{
    [GeneratedRegex("""^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""\G([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"(,|$)""")]
    private static partial Regex LabelPair();

    [GeneratedRegex("""^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$""")]
    private static partial Regex CommentLine();

    /// <summary>Every sample; fails the test on a line that is not a comment or a well-formed sample.</summary>
    public static List<PrometheusSample> Parse(string text, out Dictionary<string, string> types)
    {
        Assert.EndsWith("\n", text);
        types = [];
        var samples = new List<PrometheusSample>();
        foreach (var line in text[..^1].Split('\n'))
        {
            if (line.StartsWith('#'))
            {
                var comment = CommentLine().Match(line);
                Assert.True(comment.Success, $"bad comment line: {line}");
                if (comment.Groups[1].Value == "TYPE")
                {
                    Assert.Contains(comment.Groups[3].Value, new[] { "counter", "gauge", "histogram" });
                    Assert.True(types.TryAdd(comment.Groups[2].Value, comment.Groups[3].Value), $"TYPE twice: {line}");
                }

                continue;
            }

            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"bad sample line: '{line}'");
            var labels = new Dictionary<string, string>();
            var labelText = match.Groups[2].Value;
            var at = 0;
            while (at < labelText.Length)
            {
                var pair = LabelPair().Match(labelText, at);
                Assert.True(pair.Success, $"bad labels in: {line}");
                labels.Add(pair.Groups[1].Value, Unescape(pair.Groups[2].Value));
                at += pair.Length;
            }

            samples.Add(new PrometheusSample(match.Groups[1].Value, labels, ParseValue(match.Groups[3].Value)));
        }

        return samples;
    }

    private static double ParseValue(string text) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static string Unescape(string value)
    {
        var result = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\')
            {
                i++;
                result.Append(value[i] == 'n' ? '\n' : value[i]);
            }
            else
            {
                result.Append(value[i]);
            }
        }

        return result.ToString();
    }
}
