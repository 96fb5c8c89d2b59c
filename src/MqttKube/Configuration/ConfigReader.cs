using System.Collections.Immutable;
using System.Globalization;
using MqttKube.Configuration.Yaml;

namespace MqttKube.Configuration;

/// <summary>Reads scalars and lists for the generated binders; every problem becomes a diagnostic.</summary>
internal static partial class ConfigReader
{
    /// <summary>Any scalar as text (a name such as <c>2024</c> is text too); null for a YAML null.</summary>
    public static string? ReadString(YamlNode node, ConfigBindContext context, string path)
    {
        if (node is YamlScalar scalar)
        {
            return scalar.IsNull && scalar.Tag is null ? null : scalar.Value;
        }

        context.Error(node, $"'{path}' must be a string, not {node.Describe()}");
        return null;
    }

    public static long? ReadInteger(YamlNode node, ConfigBindContext context, string path, double minimum, double maximum)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return null;
        }

        if (node is not YamlScalar { Kind: YamlScalarKind.Int } scalar || scalar.Integer < long.MinValue || scalar.Integer > long.MaxValue)
        {
            context.Error(node, $"'{path}' must be an integer, not {node.Describe()}");
            return null;
        }

        var value = (long)scalar.Integer;
        return InRange(value, node, context, path, minimum, maximum) ? value : null;
    }

    public static double? ReadNumber(YamlNode node, ConfigBindContext context, string path, double minimum, double maximum)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return null;
        }

        double value;
        if (node is YamlScalar { Kind: YamlScalarKind.Int } integer)
        {
            value = (double)integer.Integer;
        }
        else if (node is YamlScalar { Kind: YamlScalarKind.Float } real && double.IsFinite(real.Float))
        {
            value = real.Float;
        }
        else
        {
            context.Error(node, $"'{path}' must be a number, not {node.Describe()}");
            return null;
        }

        return InRange(value, node, context, path, minimum, maximum) ? value : null;
    }

    public static bool? ReadBoolean(YamlNode node, ConfigBindContext context, string path)
    {
        switch (node)
        {
            case YamlScalar { IsNull: true }:
                return null;
            case YamlScalar { Kind: YamlScalarKind.Bool } scalar:
                return scalar.Bool;
            case YamlScalar { Kind: YamlScalarKind.String, Quoted: false } scalar
                when scalar.Value.ToLowerInvariant() is "on" or "off" or "yes" or "no":
                context.Error(node, $"'{path}' must be true or false; '{scalar.Value}' is a string in this config (see the README)");
                return null;
            default:
                context.Error(node, $"'{path}' must be true or false, not {node.Describe()}");
                return null;
        }
    }

    /// <summary>An enum value by one of its names, any case; <paramref name="parse"/> is generated.</summary>
    public static T? ReadEnum<T>(YamlNode node, ConfigBindContext context, string path, TryParseName<T> parse, string names)
        where T : struct, Enum
    {
        if (node is YamlScalar { IsNull: true })
        {
            return null;
        }

        if (node is YamlScalar scalar && parse(scalar.Value, out var value))
        {
            return value;
        }

        var got = node is YamlScalar s ? $"'{YamlScalar.Shorten(s.Value)}'" : node.Describe();
        context.Error(node, $"'{path}' must be one of {names}, not {got}");
        return null;
    }

    /// <summary>A list, or (when <paramref name="oneOrMany"/>) a single item taken as a list of one.</summary>
    public static ImmutableArray<T>? ReadList<T>(YamlNode node, ConfigBindContext context, string path, bool oneOrMany, BindItem<T> bind)
    {
        if (node is YamlScalar { IsNull: true, Tag: null })
        {
            return null;
        }

        if (node is not YamlSequence sequence)
        {
            if (oneOrMany)
            {
                var single = bind(node, context, path);
                return single is null ? [] : [single];
            }

            context.Error(node, $"'{path}' must be a list, not {node.Describe()}");
            return null;
        }

        var items = ImmutableArray.CreateBuilder<T>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = bind(sequence.Items[i], context, $"{path}[{i}]");
            if (item is not null)
            {
                items.Add(item);
            }
        }

        return items.ToImmutable();
    }

    private static bool InRange(double value, YamlNode node, ConfigBindContext context, string path, double minimum, double maximum)
    {
        if (double.IsNaN(minimum) || (value >= minimum && value <= maximum))
        {
            return true;
        }

        context.Error(node, $"'{path}' must be between {Format(minimum)} and {Format(maximum)}, not {Format(value)}");
        return false;
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
