// Launch settings from POST /v1/inference/plan as copyable command lines.

const HF_REPOS = {
  'deepseek-v3': 'deepseek-ai/DeepSeek-V3',
  'deepseek-r1': 'deepseek-ai/DeepSeek-R1',
  'deepseek-v2': 'deepseek-ai/DeepSeek-V2',
  'deepseek-v2-lite': 'deepseek-ai/DeepSeek-V2-Lite',
  'mixtral-8x7b': 'mistralai/Mixtral-8x7B-Instruct-v0.1',
  'mixtral-8x22b': 'mistralai/Mixtral-8x22B-Instruct-v0.1',
  'qwen3-235b-a22b': 'Qwen/Qwen3-235B-A22B',
  'qwen3-30b-a3b': 'Qwen/Qwen3-30B-A3B',
  'llama-3.1-8b': 'meta-llama/Llama-3.1-8B-Instruct',
  'llama-3.1-70b': 'meta-llama/Llama-3.1-70B-Instruct',
  'llama-3.1-405b': 'meta-llama/Llama-3.1-405B-Instruct',
  'kimi-k2': 'moonshotai/Kimi-K2-Instruct',
  'gpt-oss-120b': 'openai/gpt-oss-120b',
  'deepseek-llm-67b': 'deepseek-ai/deepseek-llm-67b-chat',
};

/** ["--tp", "8", "--enable-x", "--ep", "8"] → one flag (with its value) per line. */
function shellLines(head, args) {
  const lines = [head];
  for (let i = 0; i < args.length; i++) {
    const flag = String(args[i]);
    const next = args[i + 1];
    if (next !== undefined && !String(next).startsWith('--')) {
      lines.push(`  ${flag} ${quote(String(next))}`);
      i++;
    } else lines.push(`  ${flag}`);
  }
  return lines.join(' \\\n');
}

const quote = (text) => (/^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);

function yaml(value, indent = '') {
  return Object.entries(value)
    .map(([key, inner]) =>
      inner && typeof inner === 'object' && !Array.isArray(inner)
        ? `${indent}${key}:\n${yaml(inner, `${indent}  `)}`
        : `${indent}${key}: ${Array.isArray(inner) ? JSON.stringify(inner) : inner}`,
    )
    .join('\n');
}

/** {sglang: string[], vllm: string[], trtllm: object} → [{engine, text}] for one pool. */
export function launchCommands(settings, modelId) {
  const repo = HF_REPOS[modelId] ?? `/path/to/${modelId}`;
  const out = [];
  if (Array.isArray(settings?.sglang))
    out.push({ engine: 'SGLang', text: shellLines('python -m sglang.launch_server', ['--model-path', repo, ...settings.sglang]) });
  if (Array.isArray(settings?.vllm)) out.push({ engine: 'vLLM', text: shellLines(`vllm serve ${repo}`, settings.vllm) });
  if (settings?.trtllm && typeof settings.trtllm === 'object') {
    out.push({
      engine: 'TensorRT-LLM',
      text: `# extra-llm-api-config.yml\n${yaml(settings.trtllm)}\n\n# then:\n# trtllm-serve ${repo} \\\n#   --extra_llm_api_options extra-llm-api-config.yml`,
    });
  }
  return out;
}

/** A <figure> with a heading, a <pre> and a Copy button per engine. */
export function launchBlock(title, settings, modelId) {
  const wrapper = document.createElement('div');
  wrapper.className = 'launch';
  const heading = document.createElement('h4');
  heading.textContent = title;
  wrapper.append(heading);
  for (const { engine, text } of launchCommands(settings, modelId)) {
    const figure = document.createElement('figure');
    const caption = document.createElement('figcaption');
    const label = document.createElement('span');
    label.textContent = engine;
    const copy = document.createElement('button');
    copy.type = 'button';
    copy.className = 'secondary small';
    copy.textContent = 'Copy';
    copy.setAttribute('aria-label', `Copy ${engine} ${title.toLowerCase()} command`);
    const pre = document.createElement('pre');
    pre.textContent = text;
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(text);
        copy.textContent = 'Copied';
      } catch {
        const range = document.createRange();
        range.selectNodeContents(pre);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
        copy.textContent = 'Selected — press Ctrl+C';
      }
      setTimeout(() => (copy.textContent = 'Copy'), 1500);
    });
    caption.append(label, copy);
    figure.append(caption, pre);
    wrapper.append(figure);
  }
  return wrapper;
}
