using System.Linq;
using Microsoft.CodeAnalysis;
using MqttKube.Generators.Common;

namespace MqttKube.Generators.Config;

/// <summary>
/// Turns <c>[ConfigObject]</c> records into reflection-free YAML binders, dumps and the JSON Schema, and
/// <c>[ConfigEnum]</c> enums into name parsers. The pipeline only; see the Parser and Emitter partials.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class ConfigGenerator : IIncrementalGenerator
{
    public const string ObjectAttribute = "MqttKube.Configuration.Schema.ConfigObjectAttribute";
    public const string EnumAttribute = "MqttKube.Configuration.Schema.ConfigEnumAttribute";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var objects = context.SyntaxProvider
            .ForAttributeWithMetadataName(ObjectAttribute, static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.RecordDeclarationSyntax, static (ctx, ct) => Parser.ParseObject(ctx, ct))
            .WithTrackingName(TrackingNames.Objects);

        var enums = context.SyntaxProvider
            .ForAttributeWithMetadataName(EnumAttribute, static (node, _) => true, static (ctx, _) => Parser.ParseEnum(ctx))
            .WithTrackingName(TrackingNames.Enums);

        context.RegisterSourceOutput(objects, static (spc, model) =>
        {
            foreach (var diagnostic in model.Diagnostics)
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (model.Diagnostics.Count == 0)
            {
                spc.AddSource($"{model.Name}.Config.g.cs", Emitter.EmitObject(model));
            }
        });

        context.RegisterSourceOutput(enums, static (spc, model) => spc.AddSource($"{model.Name}Config.g.cs", Emitter.EmitEnum(model)));

        var all = objects.Collect()
            .Select(static (models, _) => models.Where(m => m.Diagnostics.Count == 0).OrderBy(m => m.Name, System.StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.Schema);
        context.RegisterSourceOutput(all, static (spc, models) =>
        {
            if (models.Any(m => m.IsRoot))
            {
                spc.AddSource("ConfigSchema.g.cs", SchemaEmitter.Emit(models));
            }
        });
    }
}
