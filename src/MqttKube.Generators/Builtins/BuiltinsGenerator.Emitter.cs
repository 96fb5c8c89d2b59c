using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using MqttKube.Generators.Common;

namespace MqttKube.Generators.Builtins;

public sealed partial class BuiltinsGenerator
{
    /// <summary>Model → source text and diagnostics.</summary>
    internal static class Emitter
    {
        private const string FunctionType = "global::MqttKube.Expressions.PyBuiltinFunction";

        public static void Emit(SourceProductionContext context, BuiltinClass model)
        {
            foreach (var diagnostic in model.Diagnostics)
            {
                var descriptor = BuiltinsDiagnostics.Find(diagnostic.Id)!;
                var location = diagnostic.Location is { } l
                    ? Location.Create(l.FilePath, new TextSpan(l.Start, l.Length), new LinePositionSpan(new LinePosition(l.StartLine, l.StartColumn), new LinePosition(l.EndLine, l.EndColumn)))
                    : Location.None;
                context.ReportDiagnostic(Diagnostic.Create(descriptor, location, diagnostic.Argument));
            }

            var hint = (model.Namespace.Length == 0 ? string.Empty : model.Namespace + ".") + model.ClassName + ".Builtins.g.cs";
            context.AddSource(hint, Render(model));
        }

        public static string Render(BuiltinClass model)
        {
            var w = new SourceWriter();
            w.Header();
            if (model.Namespace.Length > 0)
            {
                w.Line("namespace " + model.Namespace + ";");
                w.Line();
            }

            w.Open("static partial class " + model.ClassName);
            foreach (var entry in model.Entries)
            {
                w.Line("private static readonly " + FunctionType + " s_" + entry.MethodName + " = new(" + SourceWriter.Literal(entry.PythonName) + ", " + entry.MethodName + ");");
            }

            w.Line();
            w.Line("/// <summary>The Python names of this table, in ordinal order.</summary>");
            w.Open("internal static global::System.Collections.Generic.IReadOnlyList<string> Names { get; } = new string[]");
            foreach (var entry in model.Entries)
            {
                w.Line(SourceWriter.Literal(entry.PythonName) + ",");
            }

            w.Close(";");
            w.Line();
            w.Line("internal static partial " + FunctionType + "? Lookup(string name) => name switch");
            w.Line("{");
            w.Indentation++;
            foreach (var entry in model.Entries)
            {
                w.Line(SourceWriter.Literal(entry.PythonName) + " => s_" + entry.MethodName + ",");
            }

            w.Line("_ => null,");
            w.Indentation--;
            w.Line("};");
            w.Close();
            return w.ToString();
        }
    }
}
