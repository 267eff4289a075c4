# bash completion for vm. Load it with
#   source <(vm completion bash)
# or install it as /usr/local/share/bash-completion/completions/vm.
# The candidates come from `vm _complete`, which only reads $vm_dir.
_vm_complete()
{
    local IFS=$'\n'
    COMPREPLY=($(command vm _complete "${COMP_CWORD}" "${COMP_WORDS[@]}" 2>/dev/null))
}
complete -F _vm_complete vm
