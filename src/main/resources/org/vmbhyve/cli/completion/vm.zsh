#compdef vm
# zsh completion for vm. Load it with
#   source <(vm completion zsh)
# or install it as _vm in a directory of $fpath.
# The candidates come from `vm _complete`, which only reads $vm_dir.
_vm()
{
    local -a candidates
    candidates=("${(@f)$(command vm _complete $((CURRENT - 1)) "${words[@]}" 2>/dev/null)}")
    compadd -a candidates
}
if [ "${funcstack[1]}" = "_vm" ]; then
    _vm "$@"
else
    compdef _vm vm
fi
