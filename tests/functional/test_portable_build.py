"""llama.cpp is built for the portable baseline, not for the building CPU (issue: SIGILL on another Intel).

The installed libraries are disassembled and must hold no AVX-512, AVX-VNNI or AMX instruction. The checker
itself is proven on small libraries compiled here with and without those instruction sets, so a native
build (which on an AVX-512 machine is full of them) could not pass unnoticed.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import tomllib
from pathlib import Path

from tests.native_isa import scan

ROOT = Path(__file__).resolve().parents[2]


def _llama_libraries() -> list[Path]:
    spec = importlib.util.find_spec("llama_cpp")
    assert spec is not None and spec.submodule_search_locations, "llama-cpp-python is installed by uv sync"
    lib = Path(spec.submodule_search_locations[0]) / "lib"
    return sorted(p for p in lib.iterdir() if p.suffix == ".so" and not p.is_symlink())


def test_the_installed_llama_cpp_holds_nothing_beyond_the_baseline() -> None:
    libraries = _llama_libraries()
    assert any(p.name.startswith("libggml-cpu") for p in libraries), libraries
    reports = [scan(library) for library in libraries]
    offending = [report.summary() for report in reports if report.findings]
    assert not offending, "llama.cpp was built for this CPU, not the baseline:\n" + "\n".join(offending)


def test_the_build_options_are_declared_where_uv_keys_its_cache_on_them() -> None:
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["uv"]["config-settings-package"]
    args = settings["llama-cpp-python"]["cmake.args"].split(";")
    assert "-DGGML_NATIVE=OFF" in args
    for feature in ("AVX2", "FMA", "F16C"):
        assert f"-DGGML_{feature}=ON" in args
    for feature in ("AVX512", "AVX_VNNI", "AMX_TILE", "AMX_INT8", "AMX_BF16"):
        assert f"-DGGML_{feature}=OFF" in args
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert "llama-cpp-python==0.3.36" in project["dependencies"], "pinned: engine/llm/local.py uses private API"


_SOURCE = r"""
#include <immintrin.h>
float add(const float *a, const float *b, float *out, int n) {
    for (int i = 0; i + 8 <= n; i += 8) {
        __m256 x = _mm256_loadu_ps(a + i), y = _mm256_loadu_ps(b + i);
        _mm256_storeu_ps(out + i, _mm256_fmadd_ps(x, y, x));
    }
    return out[0];
}
#ifdef __AVX512F__
float add512(const float *a, float *out) {
    __m512 x = _mm512_loadu_ps(a);
    __mmask16 m = _mm512_cmp_ps_mask(x, _mm512_setzero_ps(), _CMP_GT_OQ);
    __m512i v = _mm512_castps_si512(x);
    _mm512_mask_storeu_ps(out, m, _mm512_castsi512_ps(_mm512_ternarylogic_epi32(v, v, v, 0x96)));
    return out[0];
}
#endif
#ifdef __AVXVNNI__
__m256i dot(__m256i acc, __m256i a, __m256i b) { return _mm256_dpbusd_avx_epi32(acc, a, b); }
#endif
#ifdef __AVX512VL__
__m256i splat(int x) { return _mm256_set1_epi32(x); }
__m256 broadcast_add(__m256 a, const float *b) { return _mm256_add_ps(a, _mm256_set1_ps(*b)); }
#endif
#ifdef __AMX_TILE__
void tiles(const void *a) { _tile_loadd(0, a, 64); _tile_release(); }
#endif
"""


def _compile(tmp_path: Path, name: str, flags: list[str]) -> Path:
    compiler = shutil.which("gcc") or shutil.which("cc")
    assert compiler is not None, "a C compiler is installed by .ci/run (llama.cpp needs one)"
    source = tmp_path / "probe.c"
    source.write_text(_SOURCE)
    out = tmp_path / f"lib{name}.so"
    subprocess.run([compiler, "-O2", "-shared", "-fPIC", *flags, str(source), "-o", str(out)], check=True)
    return out


def test_the_checker_passes_a_baseline_library(tmp_path: Path) -> None:
    library = _compile(tmp_path, "baseline", ["-mavx2", "-mfma", "-mf16c", "-mbmi2"])
    assert scan(library).findings == []


def test_the_checker_catches_avx_vnni_and_evex_forms_on_low_registers(tmp_path: Path) -> None:
    vnni = scan(_compile(tmp_path, "vnni", ["-mavx2", "-mfma", "-mavxvnni"]))
    assert {(f.function, f.kind) for f in vnni.findings} == {("dot", "AVX-VNNI")}, vnni.summary()
    # AVX512VL code on ymm0-15 only: EVEX shows in a broadcast from a general register or from memory.
    low = scan(_compile(tmp_path, "avx512vl", ["-mavx2", "-mfma", "-mavx512f", "-mavx512vl"]))
    assert "splat" in {f.function for f in low.findings if f.kind == "AVX-512"}, low.summary()


def test_the_checker_catches_avx512_and_amx(tmp_path: Path) -> None:
    library = _compile(tmp_path, "native", ["-mavx2", "-mfma", "-mavx512f", "-mamx-tile"])
    kinds = {finding.kind for finding in scan(library).findings}
    assert kinds == {"AVX-512", "AMX"}
    functions = {finding.function for finding in scan(library).findings}
    assert {"add512", "tiles"} <= functions
    # Code that runs AVX-512 only after checking the CPU is allowed when its function is named.
    assert {f.kind for f in scan(library, dispatched=frozenset({"add512"})).findings} == {"AMX"}


def test_the_checker_catches_what_march_native_would_add_on_an_avx512_machine(tmp_path: Path) -> None:
    # -march=native differs by machine; a named AVX-512 CPU is what GGML_NATIVE gave on the machines that failed.
    library = _compile(tmp_path, "sapphirerapids", ["-march=sapphirerapids"])
    report = scan(library)
    assert {finding.kind for finding in report.findings} >= {"AVX-512", "AMX"}, report.summary()
