using Sixgill.Config.Binding;

namespace Sixgill.Config.Rules;

/// <summary>Things validate accepts but a lab engineer should notice before <c>up</c>: the join secrets.</summary>
internal static class TokenWarnings
{
    public static void Check(ClusterDraft draft, List<Diagnostic> diagnostics)
    {
        var general = draft.General;
        if (general.Token is { } token && token.Value == Cluster.PlaceholderToken)
        {
            diagnostics.Warning(DiagnosticCodes.PlaceholderToken, token.Position,
                $"{token.Key} is Orca's placeholder \"{Cluster.PlaceholderToken}\"; up refuses it",
                "run sixgill init on the master: it writes a real token and the CA hash into this file");
        }

        if (general.Insecure is not { Value: true } insecure)
        {
            return;
        }

        diagnostics.Warning(DiagnosticCodes.Insecure, insecure.Position,
            $"{insecure.Key} is set: nodes join without checking the master's CA, so anyone on the network can pose as it",
            "for a lab only; run sixgill init and drop insecure for anything else");

        var hasRealToken = general.Token is { } given && given.Value != Cluster.PlaceholderToken;
        if (!hasRealToken && !(general.TokenGiven && general.Token is null))
        {
            diagnostics.Warning(DiagnosticCodes.LabToken, insecure.Position,
                "no real token is given, so up uses Sixgill's well-known lab token abcdef.****************",
                "anyone who knows it can join a node: keep this cluster off shared networks");
        }
    }
}
