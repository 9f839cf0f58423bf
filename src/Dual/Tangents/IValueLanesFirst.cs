namespace Dual;

/// <summary>
/// Marks a block of dual lanes stored as the lanes' values — lane i the i-th <c>T</c> of the block's memory — followed
/// by their tangents: <see cref="PairTangents{T, TBlock}"/>, which the library builds over its own SIMD blocks only. A
/// Hessian's seed 1 + 0ε in lane i is then the single <c>T</c> at element i (its tangent stays 0), so the row loop moves
/// seeds with one scalar store each instead of writing two blocks. <c>default(TTangents) is IValueLanesFirst</c> folds at
/// JIT time.
/// </summary>
internal interface IValueLanesFirst
{
}
