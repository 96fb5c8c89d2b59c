using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MqttKube.Generators.Common;

namespace MqttKube.Generators.Builtins;

public sealed partial class BuiltinsGenerator
{
    /// <summary>Symbols → value models. Nothing from Roslyn survives past this class.</summary>
    internal static class Parser
    {
        public static BuiltinMethod ParseMethod(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var method = (IMethodSymbol)context.TargetSymbol;
            var type = method.ContainingType;
            var ns = type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString();
            var attribute = context.Attributes[0];
            var pythonName = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string ?? string.Empty : string.Empty;
            var location = ToInfo(context.TargetNode is MethodDeclarationSyntax m ? m.Identifier.GetLocation() : context.TargetNode.GetLocation());

            DiagnosticInfo? diagnostic = null;
            var typeSyntax = context.TargetNode.Parent as TypeDeclarationSyntax;
            if (!type.IsStatic || type.ContainingType is not null || typeSyntax is null || !typeSyntax.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                diagnostic = new DiagnosticInfo(BuiltinsDiagnostics.ClassNotStaticPartial.Id, location, type.Name);
            }
            else if (!method.IsStatic || method.Parameters.Length != 1 || method.Parameters[0].RefKind != RefKind.In
                || method.Parameters[0].Type.Name != "CallArgs" || method.ReturnType.Name != "PyValue" || method.IsGenericMethod)
            {
                diagnostic = new DiagnosticInfo(BuiltinsDiagnostics.BadSignature.Id, location, method.Name);
            }

            return new BuiltinMethod(ns, type.Name, pythonName, method.Name, diagnostic);
        }

        public static ImmutableArray<BuiltinClass> GroupByClass(ImmutableArray<BuiltinMethod> methods)
        {
            var result = ImmutableArray.CreateBuilder<BuiltinClass>();
            foreach (var group in methods.GroupBy(m => (m.Namespace, m.ClassName)).OrderBy(g => g.Key.Namespace).ThenBy(g => g.Key.ClassName))
            {
                var diagnostics = new List<DiagnosticInfo>();
                var entries = new List<BuiltinEntry>();
                var seen = new HashSet<string>();
                foreach (var method in group.OrderBy(m => m.PythonName, System.StringComparer.Ordinal))
                {
                    if (method.Diagnostic is not null)
                    {
                        diagnostics.Add(method.Diagnostic);
                        continue;
                    }

                    if (!seen.Add(method.PythonName))
                    {
                        diagnostics.Add(new DiagnosticInfo(BuiltinsDiagnostics.DuplicateName.Id, null, method.PythonName));
                        continue;
                    }

                    entries.Add(new BuiltinEntry(method.PythonName, method.MethodName));
                }

                result.Add(new BuiltinClass(group.Key.Namespace, group.Key.ClassName, entries.ToEquatableArray(), diagnostics.ToEquatableArray()));
            }

            return result.ToImmutable();
        }

        private static LocationInfo? ToInfo(Location location)
        {
            if (location.SourceTree is null)
            {
                return null;
            }

            var span = location.GetLineSpan();
            return new LocationInfo(
                location.SourceTree.FilePath,
                location.SourceSpan.Start,
                location.SourceSpan.Length,
                span.StartLinePosition.Line,
                span.StartLinePosition.Character,
                span.EndLinePosition.Line,
                span.EndLinePosition.Character);
        }
    }
}
