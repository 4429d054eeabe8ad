import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['accuracy/**/*.test.ts', 'fuzz/**/*.test.ts'],
    environment: 'node',
  },
});
