# Shared publish recipe of the functions/<Name>/Makefile files.
#
# `sam build` runs `make build-<LogicalId>` inside functions/<Name> with ARTIFACTS_DIR set (BuildMethod: makefile).
# samconfig.toml sets build_in_source = true: the projects reference ../../src, which a copy of the function folder
# alone (sam build's default scratch copy) would not contain.
#
# Output: a self-contained linux-x64 app (trimmed; ReadyToRun as one composite image of the app and the trimmed
# framework; invariant globalization - Amazon Linux 2023 has no ICU) whose executable is `bootstrap` (AssemblyName), as
# provided.al2023 expects. Composite matters for cold starts: trimming strips the framework's own R2R code, and
# per-assembly R2R cannot pregenerate generic code across assemblies, so without it ~2,500 methods are jitted at start
# (bench/README.md, lambda-cold-start). Intermediate files go to artifacts/sam/<Name> under the repository root, never
# into the project's own bin/obj. Same settings as tests/Lakehouse.Testing/Lambda/FunctionPublisher (SelfContainedReadyToRun).

FUNCTION_DIR := $(abspath $(CURDIR))
REPO_ROOT := $(abspath $(FUNCTION_DIR)/../..)
PROJECT := $(wildcard $(FUNCTION_DIR)/*.csproj)
BUILD_DIR ?= $(REPO_ROOT)/artifacts/sam/$(notdir $(FUNCTION_DIR))
DOTNET ?= dotnet
# PUBLISH_AOT=1 publishes NativeAOT instead (where the runtime.linux-x64.Microsoft.DotNet.ILCompiler pack restores;
# this repository's package mirror lacks it). The libraries are AOT-annotated, so the only change is the flags.
ifeq ($(PUBLISH_AOT),1)
PUBLISH_FLAGS := -p:PublishAot=true -p:InvariantGlobalization=true
else
PUBLISH_FLAGS := -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -p:PublishTrimmed=true -p:InvariantGlobalization=true
endif

.PHONY: publish
publish:
	@test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set; run through 'sam build' or pass ARTIFACTS_DIR=<dir>." >&2; exit 1; }
	@test "$(words $(PROJECT))" = "1" || { echo "Expected exactly one .csproj in $(FUNCTION_DIR), found: '$(PROJECT)'." >&2; exit 1; }
	$(DOTNET) publish "$(PROJECT)" -c Release -r linux-x64 --self-contained $(PUBLISH_FLAGS) \
		--artifacts-path "$(BUILD_DIR)" -o "$(ARTIFACTS_DIR)" --nologo
	@test -f "$(ARTIFACTS_DIR)/bootstrap" || { echo "The project must set <AssemblyName>bootstrap</AssemblyName>." >&2; exit 1; }
	chmod +x "$(ARTIFACTS_DIR)/bootstrap"
