using System.Diagnostics.CodeAnalysis;
using Scriban.Functions;
using Scriban.Runtime;
using Scriban.Syntax;
using ScribanContext = Scriban.TemplateContext;

namespace MqttKube.Templates;

/// <summary>
/// Scriban's builtin families (string, array, math, date, timespan, object, regex, html), built once, shared by
/// every render and read-only (so <c>date.format = …</c> in one template never changes another's). Taken out:
/// <c>object.eval</c> and <c>object.eval_template</c> (they would run a payload as code) and <c>include</c> (there is
/// no file access). <c>object.to_json</c> is ours: Scriban's uses reflection-based serialization, which a NativeAOT
/// build does not have.
/// </summary>
internal static class ScribanBuiltins
{
    private static readonly string[] Removed = ["include", "include_join"];

    private static readonly string[] RemovedFromObject = ["eval", "eval_template"];

    public static ScriptObject Shared { get; } = Create();

    /// <summary>
    /// The builtins Scriban imports by reflection, or whose values' members it reads by reflection, kept for
    /// NativeAOT: without these, under AOT only, <c>string.index_of</c>, <c>string.slice</c>, <c>object.has_key</c>,
    /// <c>object.has_value</c> and <c>date.parse</c> are "not found", <c>timespan.zero</c> is empty, and members of
    /// dates (<c>d.year</c>), time spans (<c>t.total_hours</c>) and of the items of a <c>for</c> over an object
    /// (<c>kv.key</c>, <c>kv.value</c>) are null. tests/MqttKube.Tests/EndToEnd/ScribanAotTests.cs proves every
    /// family through the published executable.
    /// </summary>
    [DynamicDependency("IndexOf", typeof(StringFunctions))]
    [DynamicDependency("Slice", typeof(StringFunctions))]
    [DynamicDependency("HasKey", typeof(ObjectFunctions))]
    [DynamicDependency("HasValue", typeof(ObjectFunctions))]
    [DynamicDependency("Parse", typeof(DateTimeFunctions))]
    [DynamicDependency("Zero", typeof(TimeSpanFunctions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, typeof(DateTime))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, typeof(TimeSpan))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, typeof(KeyValuePair<string, object>))]
    private static ScriptObject Create()
    {
        var builtins = ScribanContext.GetDefaultBuiltinObject();
        foreach (var name in Removed)
        {
            builtins.Remove(name);
        }

        var objectFunctions = (ScriptObject)builtins["object"]!;
        foreach (var name in RemovedFromObject)
        {
            objectFunctions.Remove(name);
        }

        objectFunctions.Remove("to_json");
        objectFunctions.SetValue("to_json", new ToJsonFunction(), true);
        foreach (var family in builtins.Values.OfType<ScriptObject>())
        {
            family.IsReadOnly = true;
        }

        builtins.IsReadOnly = true;
        return builtins;
    }

    /// <summary><paramref name="bound"/> (the bound object's metadata) with the <c>object.*</c> functions added.</summary>
    public static ScriptObject WithObjectFunctions(ScriptObject bound)
    {
        var merged = new ScriptObject();
        foreach (var (name, function) in (ScriptObject)Shared["object"]!)
        {
            merged[name] = function;
        }

        foreach (var (name, value) in bound)
        {
            merged[name] = value;
        }

        merged.IsReadOnly = true;
        return merged;
    }

    /// <summary><c>object.to_json VALUE</c>: the value as compact JSON, keys in their order.</summary>
    private sealed class ToJsonFunction : IScriptCustomFunction
    {
        public int RequiredParameterCount => 1;

        public int ParameterCount => 1;

        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

        public Type ReturnType => typeof(string);

        public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), "value");

        public object? Invoke(ScribanContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            if (arguments.Count != 1)
            {
                throw new ScriptRuntimeException(Span(callerContext), $"object.to_json takes one value, not {arguments.Count}");
            }

            try
            {
                var text = ScribanValues.ToJson(arguments[0], context)?.ToJsonString() ?? "null";
                return text.Length <= ScribanSandbox.MaxLength
                    ? text
                    : throw new ScriptRuntimeException(Span(callerContext), $"object.to_json: the JSON is longer than {ScribanSandbox.MaxLength} characters");
            }
            catch (InvalidOperationException ex)
            {
                throw new ScriptRuntimeException(Span(callerContext), "object.to_json: " + ex.Message);
            }
        }

        private static Scriban.Parsing.SourceSpan Span(ScriptNode? node) => node?.Span ?? default;

        public ValueTask<object?> InvokeAsync(ScribanContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new(Invoke(context, callerContext, arguments, blockStatement));
    }
}
