namespace CivicGrid.Domain.Catalogue;

/// <summary>The two halves of the GB/T 47678.5-2026 catalogue: components (部件) and matters (事项/事件).</summary>
public enum CatalogueKind { Component, Matter }
