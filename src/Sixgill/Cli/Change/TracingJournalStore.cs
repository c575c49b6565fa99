using System.Diagnostics;
using System.Globalization;
using Sixgill.Engine;

namespace Sixgill.Cli.Change;

/// <summary>With <c>-vv</c>: each journal load and save (with its fsyncs) and how long it took, on stderr.</summary>
internal sealed class TracingJournalStore(IJournalStore inner, Action<string> log) : IJournalStore
{
    public string Location => inner.Location;

    public JournalDocument? Load()
    {
        var clock = Stopwatch.StartNew();
        var document = inner.Load();
        log(string.Create(CultureInfo.InvariantCulture, $"journal loaded ({(document is null ? "none" : $"{document.Entries.Length} entries")}) in {clock.Elapsed.TotalMilliseconds:0.0} ms"));
        return document;
    }

    public void Save(JournalDocument document, bool durable = true)
    {
        ArgumentNullException.ThrowIfNull(document);
        var clock = Stopwatch.StartNew();
        inner.Save(document, durable);
        log(string.Create(CultureInfo.InvariantCulture, $"journal saved ({document.Entries.Length} entries{(durable ? "" : ", not synced")}) in {clock.Elapsed.TotalMilliseconds:0.0} ms"));
    }

    public void Compact(JournalDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var clock = Stopwatch.StartNew();
        inner.Compact(document);
        log(string.Create(CultureInfo.InvariantCulture, $"journal compacted ({document.Entries.Length} entries) in {clock.Elapsed.TotalMilliseconds:0.0} ms"));
    }
}
