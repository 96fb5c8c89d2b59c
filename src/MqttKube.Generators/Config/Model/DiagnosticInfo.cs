using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MqttKube.Generators.Config.Model;

/// <summary>A diagnostic kept as plain data (a Location would break incremental caching).</summary>
public sealed record DiagnosticInfo(string Id, string Message, string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, ISymbol symbol, params object[] args)
    {
        var location = symbol.Locations.Length > 0 ? symbol.Locations[0] : Location.None;
        var message = string.Format(descriptor.MessageFormat.ToString(), args);
        return new DiagnosticInfo(
            descriptor.Id,
            message,
            location.SourceTree?.FilePath ?? string.Empty,
            location.SourceSpan,
            location.GetLineSpan().Span);
    }

    public Diagnostic ToDiagnostic()
    {
        var descriptor = ConfigDiagnostics.ById(Id);
        var location = FilePath.Length == 0 ? Location.None : Location.Create(FilePath, Span, LineSpan);
        return Diagnostic.Create(descriptor, location, Message);
    }
}
