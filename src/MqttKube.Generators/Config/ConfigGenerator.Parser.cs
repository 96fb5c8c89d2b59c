using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MqttKube.Generators.Common;
using MqttKube.Generators.Config.Model;

namespace MqttKube.Generators.Config;

public sealed partial class ConfigGenerator
{
    /// <summary>Symbols → models. Nothing of Roslyn's leaves this class.</summary>
    internal static class Parser
    {
        private const string KeyAttribute = "MqttKube.Configuration.Schema.ConfigKeyAttribute";
        private const string NodeAttribute = "MqttKube.Configuration.Schema.ConfigNodeAttribute";
        private const string ValueAttribute = "MqttKube.Configuration.Schema.ConfigValueAttribute";
        private const string NameAttribute = "MqttKube.Configuration.Schema.ConfigNameAttribute";
        private const string ValidationInterface = "MqttKube.Configuration.Schema.IConfigValidation";

        private static readonly SymbolDisplayFormat FullFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

        public static ObjectModel ParseObject(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var type = (INamedTypeSymbol)context.TargetSymbol;
            var attribute = context.Attributes[0];
            var description = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string ?? string.Empty : string.Empty;
            var isRoot = attribute.NamedArguments.Any(a => a.Key == "Root" && a.Value.Value is true);
            var diagnostics = new List<DiagnosticInfo>();
            if (!((RecordDeclarationSyntax)context.TargetNode).Modifiers.Any(m => m.Text == "partial"))
            {
                diagnostics.Add(DiagnosticInfo.Create(ConfigDiagnostics.NotPartial, type, $"Config type '{type.Name}' must be declared partial"));
            }

            var properties = new List<PropertyModel>();
            string? nodeProperty = null;
            foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (property.IsStatic)
                {
                    continue;
                }

                if (property.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == NodeAttribute))
                {
                    nodeProperty = property.Name;
                    continue;
                }

                var key = property.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KeyAttribute);
                if (key is null)
                {
                    continue;
                }

                if (property.SetMethod is null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(ConfigDiagnostics.NotInitOnly, property, $"Config property '{type.Name}.{property.Name}' needs an init accessor"));
                    continue;
                }

                var model = ParseProperty(property, key, context.SemanticModel, diagnostics);
                if (model is not null)
                {
                    properties.Add(model);
                }
            }

            var validates = type.AllInterfaces.Any(i => i.ToDisplayString() == ValidationInterface);
            return new ObjectModel(
                type.ContainingNamespace.ToDisplayString(),
                type.Name,
                type.ToDisplayString(FullFormat),
                description,
                isRoot,
                validates,
                nodeProperty,
                properties.ToEquatableArray(),
                diagnostics.ToEquatableArray());
        }

        public static EnumModel ParseEnum(GeneratorAttributeSyntaxContext context)
        {
            var type = (INamedTypeSymbol)context.TargetSymbol;
            var members = type.GetMembers().OfType<IFieldSymbol>()
                .Where(f => f.IsConst)
                .Select(f => new EnumMemberModel(f.Name, EnumNames(f).ToEquatableArray()))
                .ToEquatableArray();
            return new EnumModel(type.ContainingNamespace.ToDisplayString(), type.Name, type.ToDisplayString(FullFormat), members);
        }

        private static IEnumerable<string> EnumNames(IFieldSymbol field)
        {
            var attribute = field.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == NameAttribute);
            if (attribute is null || attribute.ConstructorArguments.Length == 0)
            {
                return new[] { Kebab(field.Name) };
            }

            var argument = attribute.ConstructorArguments[0];
            return argument.Kind == TypedConstantKind.Array
                ? argument.Values.Select(v => (string)v.Value!)
                : new[] { (string)argument.Value! };
        }

        private static PropertyModel? ParseProperty(IPropertySymbol property, AttributeData key, SemanticModel semanticModel, List<DiagnosticInfo> diagnostics)
        {
            var named = key.NamedArguments.ToDictionary(a => a.Key, a => a.Value);
            var description = key.ConstructorArguments.Length > 0 ? key.ConstructorArguments[0].Value as string ?? string.Empty : string.Empty;
            var name = named.TryGetValue("Name", out var n) && n.Value is string s ? s : Kebab(property.Name);
            var aliases = named.TryGetValue("Aliases", out var a) && !a.IsNull ? a.Values.Select(v => (string)v.Value!).ToEquatableArray() : EquatableArray<string>.Empty;
            var required = named.TryGetValue("Required", out var r) && r.Value is true;
            var secret = named.TryGetValue("Secret", out var sec) && sec.Value is true;
            var oneOrMany = named.TryGetValue("OneOrMany", out var o) && o.Value is true;
            var minimum = named.TryGetValue("Minimum", out var min) && min.Value is double dmin ? dmin : double.NaN;
            var maximum = named.TryGetValue("Maximum", out var max) && max.Value is double dmax ? dmax : double.NaN;

            var type = property.Type;
            var isList = false;
            if (type is INamedTypeSymbol { IsGenericType: true } generic && generic.ConstructedFrom.ToDisplayString() == "System.Collections.Immutable.ImmutableArray<T>")
            {
                isList = true;
                type = generic.TypeArguments[0];
            }

            var nullable = type.NullableAnnotation == NullableAnnotation.Annotated;
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapped)
            {
                type = wrapped.TypeArguments[0];
                nullable = true;
            }

            var kind = Classify(type, out var valueSchema);
            if (kind is null || (isList && kind is not (ValueKind.String or ValueKind.Object or ValueKind.Value)))
            {
                diagnostics.Add(DiagnosticInfo.Create(ConfigDiagnostics.UnsupportedType, property,
                    $"Config property '{property.ContainingType.Name}.{property.Name}' has a type the generator cannot bind: {property.Type.ToDisplayString()}"));
                return null;
            }

            var enumNames = kind == ValueKind.Enum
                ? ((INamedTypeSymbol)type).GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst).SelectMany(EnumNames).ToEquatableArray()
                : EquatableArray<string>.Empty;
            if (kind == ValueKind.Int && double.IsNaN(minimum))
            {
                minimum = int.MinValue;
                maximum = int.MaxValue;
            }

            return new PropertyModel(
                property.Name,
                name,
                aliases,
                description,
                required,
                secret,
                kind.Value,
                nullable,
                isList,
                oneOrMany,
                type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(FullFormat),
                minimum,
                maximum,
                DefaultJson(property, semanticModel),
                enumNames,
                valueSchema);
        }

        private static ValueKind? Classify(ITypeSymbol type, out string? valueSchema)
        {
            valueSchema = null;
            switch (type.SpecialType)
            {
                case SpecialType.System_String: return ValueKind.String;
                case SpecialType.System_Int32: return ValueKind.Int;
                case SpecialType.System_Int64: return ValueKind.Long;
                case SpecialType.System_Double: return ValueKind.Double;
                case SpecialType.System_Boolean: return ValueKind.Bool;
            }

            foreach (var attribute in type.GetAttributes())
            {
                switch (attribute.AttributeClass?.ToDisplayString())
                {
                    case EnumAttribute:
                        return ValueKind.Enum;
                    case ObjectAttribute:
                        return ValueKind.Object;
                    case ValueAttribute:
                        valueSchema = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string : null;
                        return ValueKind.Value;
                }
            }

            return null;
        }

        /// <summary>The property initializer's constant as JSON, for the schema's <c>default</c>.</summary>
        private static string? DefaultJson(IPropertySymbol property, SemanticModel semanticModel)
        {
            var syntax = property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() as PropertyDeclarationSyntax;
            var initializer = syntax?.Initializer?.Value;
            if (initializer is null || syntax!.SyntaxTree != semanticModel.SyntaxTree)
            {
                return null;
            }

            if (semanticModel.GetSymbolInfo(initializer).Symbol is IFieldSymbol { ContainingType.TypeKind: TypeKind.Enum } member)
            {
                return SchemaEmitter.Quote(EnumNames(member).First());
            }

            var constant = semanticModel.GetConstantValue(initializer);
            return !constant.HasValue ? null : constant.Value switch
            {
                null => "null",
                string text => SchemaEmitter.Quote(text),
                bool flag => flag ? "true" : "false",
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                int i => i.ToString(CultureInfo.InvariantCulture),
                long l => l.ToString(CultureInfo.InvariantCulture),
                _ => null,
            };
        }

        /// <summary><c>ClientId</c> → <c>client-id</c>.</summary>
        internal static string Kebab(string name)
        {
            var sb = new StringBuilder();
            for (var i = 0; i < name.Length; i++)
            {
                if (char.IsUpper(name[i]) && i > 0)
                {
                    sb.Append('-');
                }

                sb.Append(char.ToLowerInvariant(name[i]));
            }

            return sb.ToString();
        }
    }
}
