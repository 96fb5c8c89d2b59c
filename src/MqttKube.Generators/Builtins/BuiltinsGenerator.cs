using Microsoft.CodeAnalysis;

namespace MqttKube.Generators.Builtins;

/// <summary>
/// Emits the name → function table (<c>Lookup(string)</c>, <c>Names</c>) of every static partial class whose
/// methods carry <c>[PyBuiltin("name")]</c>. This file is only the pipeline.
/// </summary>
[Generator]
public sealed partial class BuiltinsGenerator : IIncrementalGenerator
{
    public const string AttributeName = "MqttKube.Expressions.PyBuiltinAttribute";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var methods = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeName,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax,
                static (ctx, ct) => Parser.ParseMethod(ctx, ct))
            .WithTrackingName(TrackingNames.Methods);

        var classes = methods
            .Collect()
            .SelectMany(static (items, _) => Parser.GroupByClass(items))
            .WithTrackingName(TrackingNames.Classes);

        context.RegisterSourceOutput(classes, static (spc, model) => Emitter.Emit(spc, model));
    }

    /// <summary>Names of the tracked pipeline steps (asserted Cached/Unchanged by the incrementality test).</summary>
    public static class TrackingNames
    {
        public const string Methods = "BuiltinMethods";
        public const string Classes = "BuiltinClasses";
    }
}
