using System.Globalization;
using System.Text;

namespace MqttKube.JsonPath;

/// <summary>An immutable location in a document: <c>$</c>, then member names and array indexes.</summary>
internal sealed class NormalizedPath
{
    public static readonly NormalizedPath Root = new(null, null, -1);

    private NormalizedPath(NormalizedPath? parent, string? name, int index)
    {
        Parent = parent;
        Name = name;
        Index = index;
    }

    public NormalizedPath? Parent { get; }

    /// <summary>The member name of this step, or <see langword="null"/> for an index (or the root).</summary>
    public string? Name { get; }

    /// <summary>The array index of this step when <see cref="Name"/> is null; -1 for the root.</summary>
    public int Index { get; }

    public bool IsRoot => Parent is null;

    public NormalizedPath Child(string name) => new(this, name, -1);

    public NormalizedPath Child(int index) => new(this, null, index);

    /// <summary>The steps from the root, outermost first (the root itself excluded).</summary>
    public IReadOnlyList<NormalizedPath> Steps()
    {
        var steps = new List<NormalizedPath>();
        for (var p = this; !p.IsRoot; p = p.Parent!)
        {
            steps.Add(p);
        }

        steps.Reverse();
        return steps;
    }

    public override string ToString()
    {
        var sb = new StringBuilder("$");
        foreach (var step in Steps())
        {
            if (step.Name is { } name)
            {
                sb.Append("['");
                AppendEscaped(sb, name);
                sb.Append("']");
            }
            else
            {
                sb.Append('[').Append(step.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
        }

        return sb.ToString();
    }

    /// <summary>RFC 9535 2.7 normal-single-quoted escaping.</summary>
    internal static void AppendEscaped(StringBuilder sb, string name)
    {
        foreach (var c in name)
        {
            switch (c)
            {
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\'': sb.Append("\\'"); break;
                case '\\': sb.Append("\\\\"); break;
                case < ' ': sb.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }
    }
}
