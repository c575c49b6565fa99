using Sixgill.Values;

namespace Sixgill.Steps;

/// <summary>How Sixgill records file contents in the journal: by SHA-256, so secrets never appear there.</summary>
internal static class ContentHash
{
    public static string Of(ReadOnlySpan<byte> content) => Sha256.Hex(content);
}
