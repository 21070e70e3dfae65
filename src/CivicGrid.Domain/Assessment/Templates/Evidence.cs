namespace CivicGrid.Domain.Assessment;

/// <summary>Kinds of evidence an inspector attaches to an item: a photo (照片) and/or a written note (说明).</summary>
[Flags]
public enum Evidence
{
    None = 0,
    Photo = 1,
    Note = 2,
}

/// <summary>When an item's required evidence is needed.</summary>
public enum EvidenceWhen
{
    /// <summary>Only when the item loses points (an occurrence is recorded or the item fails): proof of the deduction.</summary>
    OnDeduction,

    /// <summary>On every answer, e.g. a photo of the notice board whether or not it passes.</summary>
    Always,
}
