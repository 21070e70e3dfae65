namespace CivicGrid.Server.Platform.Csv;

/// <summary>The file as a whole cannot be read (not JSON, not a FeatureCollection, no CSV header …). Nothing is
/// imported; the message is meant for the operator and never needs a stack trace.</summary>
public sealed class ImportFileException(string message, Exception? inner = null) : Exception(message, inner);
