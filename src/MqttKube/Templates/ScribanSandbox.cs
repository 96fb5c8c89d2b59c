using MqttKube.Expressions;
using Scriban;
using Scriban.Runtime;
using ScribanContext = Scriban.TemplateContext;

namespace MqttKube.Templates;

/// <summary>
/// Where a template's <c>{{ … }}</c> runs (SPEC 18): Scriban's builtins (<see cref="ScribanBuiltins"/>) and the
/// template's names as read-only data, within limits that a hostile payload cannot get past: loop iterations, call
/// depth, string and output size, regex time, evaluation steps and integer size (<see cref="ScribanStepContext"/>).
/// No template loader (so no
/// <c>include</c> of files) and no .NET objects: only values built by <see cref="ScribanValues"/>.
/// </summary>
internal sealed class ScribanSandbox
{
    /// <summary>Iterations of all loops nested in one another (Scriban counts them together), ranges and repeats.</summary>
    public const int LoopLimit = 1000;

    /// <summary>Depth of calls of functions a template defines.</summary>
    public const int RecursiveLimit = 50;

    /// <summary>The longest string or output, as the Python expressions' cap on every value built.</summary>
    public const int MaxLength = 1_000_000;

    private readonly ScriptObject globals;

    /// <summary>The template's names (<c>binding</c>, <c>action</c>, <c>uid</c>, <c>match</c>, <c>object</c>) as Scriban values.</summary>
    public ScribanSandbox(IReadOnlyDictionary<string, PyValue> variables)
    {
        globals = new ScriptObject(variables.Count);
        foreach (var (name, value) in variables)
        {
            globals[name] = ScribanValues.FromPy(value);
        }

        // `object` is both the bound object (SPEC 12) and Scriban's object.* builtins: their names do not clash.
        if (globals["object"] is ScriptObject bound)
        {
            globals["object"] = ScribanBuiltins.WithObjectFunctions(bound);
        }

        globals.IsReadOnly = true;
    }

    /// <summary>
    /// A fresh context for one scalar: the names below, an empty scope of its own on top (so what one scalar assigns
    /// never reaches another), the limits set.
    /// </summary>
    public ScribanContext NewContext()
    {
        var context = new ScribanStepContext(ScribanBuiltins.Shared)
        {
            LoopLimit = LoopLimit,
            LoopLimitQueryable = LoopLimit,
            RecursiveLimit = RecursiveLimit,
            LimitToString = MaxLength,
            OutputLimit = MaxLength,
            OnStringLimit = ScriptLimitBehavior.Throw,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            ObjectRecursionLimit = 20,
            RegexTimeOut = Expressions.Regex.PyRegex.DefaultTimeout,
            TemplateLoader = null,
            StrictVariables = false,
        };
        context.PushGlobal(globals);
        context.PushGlobal(new ScriptObject());
        return context;
    }
}
