using System.Globalization;
using System.Text;

namespace MqttKube.Http;

/// <summary>Writes lines of the Prometheus text exposition format 0.0.4, escaping help texts and label values.</summary>
internal readonly struct PrometheusText(StringBuilder output)
{
    /// <summary>Writes the <c># HELP</c> and <c># TYPE</c> lines of a metric family.</summary>
    public void Header(string name, string type, string help)
    {
        output.Append("# HELP ").Append(name).Append(' ');
        AppendEscaped(output, help, escapeQuote: false);
        output.Append('\n').Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
    }

    /// <summary>Writes one sample line: <c>name{label="value",...} value</c>.</summary>
    public void Sample(string name, long value, params ReadOnlySpan<(string Name, string Value)> labels)
    {
        AppendNameAndLabels(name, labels);
        output.Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    /// <summary>Writes one sample line with a floating-point value.</summary>
    public void Sample(string name, double value, params ReadOnlySpan<(string Name, string Value)> labels)
    {
        AppendNameAndLabels(name, labels);
        output.Append(FormatDouble(value)).Append('\n');
    }

    /// <summary>A value as the format writes it: shortest round-trip text, <c>+Inf</c>, <c>-Inf</c>, <c>NaN</c>.</summary>
    public static string FormatDouble(double value) =>
        double.IsPositiveInfinity(value) ? "+Inf"
        : double.IsNegativeInfinity(value) ? "-Inf"
        : double.IsNaN(value) ? "NaN"
        : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Escapes a label value (backslash, double quote, line feed) or a help text (backslash, line feed).</summary>
    public static void AppendEscaped(StringBuilder output, string text, bool escapeQuote)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\':
                    output.Append(@"\\");
                    break;
                case '\n':
                    output.Append(@"\n");
                    break;
                case '"' when escapeQuote:
                    output.Append("\\\"");
                    break;
                default:
                    output.Append(c);
                    break;
            }
        }
    }

    private void AppendNameAndLabels(string name, ReadOnlySpan<(string Name, string Value)> labels)
    {
        output.Append(name);
        if (!labels.IsEmpty)
        {
            output.Append('{');
            for (var i = 0; i < labels.Length; i++)
            {
                if (i > 0)
                {
                    output.Append(',');
                }

                output.Append(labels[i].Name).Append("=\"");
                AppendEscaped(output, labels[i].Value, escapeQuote: true);
                output.Append('"');
            }

            output.Append('}');
        }

        output.Append(' ');
    }
}
