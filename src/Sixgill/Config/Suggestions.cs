namespace Sixgill.Config;

/// <summary>"Did you mean …?": the known word nearest to a misspelt one, if any is near enough.</summary>
internal static class Suggestions
{
    /// <summary>Longer words are no typo of a key or a choice (and would cost length × length to compare).</summary>
    private const int LongestWord = 64;

    public static string? Nearest(string word, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length > LongestWord)
        {
            return null;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(word.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        // Close enough to be a typo: a third of the word, and at least two edits allowed; but never
        // the whole word ("vm" is not a typo of "gw": every letter differs).
        return bestDistance <= Math.Max(2, word.Length / 3) && bestDistance < word.Length ? best : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
