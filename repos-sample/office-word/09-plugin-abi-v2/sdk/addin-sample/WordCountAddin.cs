// Sample add-in for the managed Office Word add-in SDK.
//
// The managed SDK wraps the native plugin ABI in sdk/plugin/ow_plugin.h: the
// host loads the SDK's bridge library, which in turn loads assemblies that
// carry an [AddIn] attribute. Everything in this sample goes through the
// public SDK surface only, so it doubles as a compile-time check of that
// surface in CI.

using System;
using System.Globalization;
using Office.Word.AddIns;

namespace Office.Word.Samples.WordCount
{
    /// <summary>
    /// Counts words, characters and paragraphs in the selection, or in the
    /// whole document when nothing is selected, and shows the result as a
    /// notification. On hosts older than ABI version 2, which have neither
    /// selections nor notifications for add-ins, it falls back to counting
    /// the whole document and writing the result to the add-in log.
    /// </summary>
    [AddIn(Id = "example.samples.wordcount", Name = "Word Count (sample)", Version = "2.0.0")]
    public sealed class WordCountAddin : IAddIn
    {
        private const string CommandId = "example.samples.wordcount.show";

        // Text is read in slices rather than all at once: the host copies
        // document text across the ABI, and a 300-page report would
        // otherwise mean one multi-megabyte allocation per click.
        private const int ChunkSize = 16 * 1024;

        private IAddInHost? _host;

        public AddInStatus Initialize(IAddInHost host)
        {
            _host = host ?? throw new ArgumentNullException(nameof(host));
            return host.RegisterCommand(CommandId, "Word Count…", ShowStatistics);
        }

        public void Shutdown()
        {
            _host = null;
        }

        private AddInStatus ShowStatistics(IDocument document)
        {
            if (_host is null)
            {
                return AddInStatus.Internal;
            }

            bool modernHost = _host.AbiVersion >= 2;
            TextRange scope = modernHost ? document.Selection : default;
            bool selectionOnly = scope.Length > 0;
            if (!selectionOnly)
            {
                scope = new TextRange(0, document.Length);
            }

            TextStatistics statistics = Measure(document, scope.Start, scope.Length);
            string message = string.Format(
                CultureInfo.CurrentCulture,
                selectionOnly
                    ? "Selection: {0:N0} words, {1:N0} characters"
                    : "{0:N0} words, {1:N0} characters, {2:N0} paragraphs",
                statistics.Words,
                statistics.Characters,
                statistics.Paragraphs);

            _host.Log(LogLevel.Info, message);
            if (modernHost)
            {
                // Notifications are rate-limited by the host. Being told
                // "not now" is fine: the result is in the log either way.
                AddInStatus shown = _host.Notify(message);
                if (shown != AddInStatus.Ok && shown != AddInStatus.Denied)
                {
                    return shown;
                }
            }

            return AddInStatus.Ok;
        }

        internal static TextStatistics Measure(IDocument document, long start, long length)
        {
            var statistics = new TextStatistics();
            char[] buffer = new char[ChunkSize];
            long position = start;
            long end = start + length;

            while (position < end)
            {
                int count = (int)Math.Min(buffer.Length, end - position);
                AddInStatus status = document.ReadText(position, buffer.AsSpan(0, count));
                if (status != AddInStatus.Ok)
                {
                    throw new AddInException(status, "Reading document text failed.");
                }

                statistics.Add(buffer.AsSpan(0, count));
                position += count;
            }

            return statistics;
        }
    }

    /// <summary>
    /// Incremental word/character/paragraph counter. Feed it consecutive
    /// slices of text; a word split across two slices is counted once.
    /// </summary>
    internal sealed class TextStatistics
    {
        private const char ParagraphMark = '\u2029';
        private const char LineBreak = '\u2028';

        private bool _inWord;

        public long Words { get; private set; }

        /// <summary>Characters excluding paragraph marks, as users expect.</summary>
        public long Characters { get; private set; }

        public long Paragraphs { get; private set; }

        public void Add(ReadOnlySpan<char> text)
        {
            foreach (char c in text)
            {
                if (c == ParagraphMark)
                {
                    // A selection may end in the middle of a paragraph, so
                    // count paragraphs by their marks only; the caller
                    // reports paragraphs for whole documents only.
                    Paragraphs++;
                    _inWord = false;
                    continue;
                }

                // Count a surrogate pair as one character.
                if (!char.IsLowSurrogate(c))
                {
                    Characters++;
                }

                bool separator = char.IsWhiteSpace(c) || c == LineBreak;
                if (!separator && !_inWord)
                {
                    Words++;
                }

                _inWord = !separator;
            }
        }
    }
}
