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
    /// Counts words, characters and paragraphs in the active document and
    /// writes the result to the add-in log (Options ▸ Add-ins ▸ Log). Host
    /// ABI version 1 offers no way for an add-in to show UI of its own.
    /// </summary>
    [AddIn(Id = "example.samples.wordcount", Name = "Word Count (sample)", Version = "1.0.0")]
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

            TextStatistics statistics = Measure(document, 0, document.Length);
            string message = string.Format(
                CultureInfo.CurrentCulture,
                "{0:N0} words, {1:N0} characters, {2:N0} paragraphs",
                statistics.Words,
                statistics.Characters,
                statistics.Paragraphs);

            _host.Log(LogLevel.Info, message);
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
