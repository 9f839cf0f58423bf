namespace Dual;

/// <summary>
/// Marks the library's tangent blocks whose lane i is the i-th <c>T</c> of the block's memory (memory past the k lanes,
/// such as a float block's unused second vector, is not a lane): the chunk drivers then move a seed by writing one
/// lane (<see cref="ChunkSeeding{T, TTangents}.Move"/>) instead of whole blocks. Blocks of duals that store all values
/// and then all tangents (<see cref="PairTangents{T, TBlock}"/>) are not marked. <c>default(TTangents) is
/// IContiguousLanes</c> folds at JIT time.
/// </summary>
internal interface IContiguousLanes
{
}
