namespace Sixgill.Config.Binding;

/// <summary>Short ways to add a finding, so that binders and rules read as the checks they make.</summary>
internal static class DiagnosticList
{
    public static void Error(this List<Diagnostic> diagnostics, string code, SourcePosition at, string message,
        string? hint = null) =>
        diagnostics.Add(new Diagnostic(code, Severity.Error, at, message, hint));

    public static void Warning(this List<Diagnostic> diagnostics, string code, SourcePosition at, string message,
        string? hint = null) =>
        diagnostics.Add(new Diagnostic(code, Severity.Warning, at, message, hint));
}
