// netstandard2.0 lacks this marker type, which records with init accessors need.
// If another part of the generator project defines it too, keep only one.
namespace System.Runtime.CompilerServices;

internal static class IsExternalInit
{
}
